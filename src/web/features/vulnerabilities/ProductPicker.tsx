import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import type { ProductT } from '../../lib/types';

const label = (p: ProductT) => `${p.name}${p.model ? ` ${p.model}` : ''} — ${p.vendorName}`;

/** Searches the public product catalogue as the user types; reports the chosen product with its versions. */
export function ProductPicker({
  value,
  onChange,
  onProduct,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  onProduct?: (p: ProductT | undefined) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<ProductT[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const run = ++latest.current;
    setLoading(true);
    // Debounced: one catalogue query per pause in typing.
    const timer = setTimeout(() => {
      api
        .products(q.trim())
        .then(
          (page) => {
            if (run === latest.current) setOptions(page.items);
          },
          () => undefined,
        )
        .finally(() => {
          if (run === latest.current) setLoading(false);
        });
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);

  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      placeholder={t('intake.productSearch')}
      notFoundContent={loading ? <Spin size="small" /> : t('intake.productNone')}
      options={options.map((p) => ({ value: p.id, label: label(p) }))}
      onChange={(id) => {
        onChange?.(id);
        onProduct?.(options.find((p) => p.id === id));
      }}
      data-testid="product-picker"
    />
  );
}
