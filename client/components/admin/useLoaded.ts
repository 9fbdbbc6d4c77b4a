// Moved to client/hooks/useLoaded.ts (the screens and reports pages use it too); kept here for the
// pages that still import it from admin/.
export { useLoaded, type Loaded } from '../../hooks/useLoaded';
