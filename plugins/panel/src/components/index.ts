/** The panel's React views: the panel itself, its topology and floor views, the details drawer and the what-if controls. */
export { TopologyPanel } from './TopologyPanel';
export { TopologyView } from './TopologyView';
export type { TopologyViewProps } from './TopologyView';
export { FloorView } from './FloorView';
export type { FloorViewProps } from './FloorView';
export { DetailsDrawer } from './DetailsDrawer';
export type { DetailsDrawerProps } from './DetailsDrawer';
export { WhatIfPanel } from './WhatIfPanel';
export type { WhatIfPanelProps } from './WhatIfPanel';
export type { Overlay } from './overlay';
