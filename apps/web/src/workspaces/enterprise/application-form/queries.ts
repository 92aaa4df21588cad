import { $api } from '../../../shared/api/query';

/**
 * The form's server state, one cache entry each, shared by every step that shows it: the
 * pre-submission check (M7.4 checklist, problems, pledge) and the uploaded materials.
 */
export const useCheck = (id: string) => $api.useQuery('get', '/api/applications/{id}/check', { params: { path: { id } } });

export const useMaterials = (id: string) => $api.useQuery('get', '/api/applications/{id}/materials', { params: { path: { id } } });
