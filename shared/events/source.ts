/** The `source` of every event the stack publishes on its bus (its own module: the stream consumer bundles nothing else of the catalogue). */
export const EVENT_SOURCE = 'gatehouse';
