import { useMe } from '../../app/session';
import { NationalHome } from './NationalHome';
import { OrgHome } from './OrgHome';
import { ProvinceHome } from './ProvinceHome';

/** Landing page chosen by org kind: regulators get the supervision overview, others their workspace. */
export default function HomePage() {
  const me = useMe();
  switch (me.org.kind) {
    case 'ministry':
      return <NationalHome />;
    case 'provincial-regulator':
      return <ProvinceHome />;
    default:
      return <OrgHome />;
  }
}
