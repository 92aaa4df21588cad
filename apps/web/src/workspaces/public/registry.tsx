import { Link } from 'react-router';
import { RegistryTable } from '../../features/registry/registry-table';
import { verifyNumberOf } from '../../features/registry/registry-query';

/** The public registry (M13.1): each product links to its live verification (M13.2). */
export function Registry() {
  return <RegistryTable product={(r) => <Link to={`/public/verify?no=${encodeURIComponent(verifyNumberOf(r))}`}>{r.product.name}</Link>} />;
}
