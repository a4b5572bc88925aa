import { Flex, Spin } from 'antd';

/** A centred spinner for route-level loading. */
export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240, height: '100%' }}>
      <Spin size="large" />
    </Flex>
  );
}
