import { createActivityTracker, createTrpcTransport, currentAppLocation, sessionChannelName } from '@kyogikai/ui';

/** Computed once at start-up from the URL the page was loaded at. */
export const appLocation = currentAppLocation('portal');
export const activityTracker = createActivityTracker();
export const trpcTransport = createTrpcTransport(activityTracker);
export const sessionChannel = sessionChannelName(appLocation.prefix, 'portal');
