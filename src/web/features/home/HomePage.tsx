import { useMe } from '../../app/session';
import { OrgHome } from './OrgHome';
import { SupervisionHome } from './SupervisionHome';

/** Landing page chosen by org kind: regulators get the supervision overview, others their workspace. */
export default function HomePage() {
  const me = useMe();
  switch (me.org.kind) {
    case 'ministry':
      return <SupervisionHome scope="national" />;
    case 'provincial-regulator':
      return <SupervisionHome scope="province" />;
    default:
      return <OrgHome />;
  }
}
