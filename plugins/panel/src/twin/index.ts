/** The panel's way to the twin: the client of the TwinOps datasource its query uses. */
export { twinClientOf, TwinAccessError, TWIN_DATASOURCE_TYPE } from './twin-access';
