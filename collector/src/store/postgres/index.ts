/** The shared twin store on PostgreSQL: several collectors write their part and read the merged twin. */
export { openPostgresStore } from './postgres-store';
