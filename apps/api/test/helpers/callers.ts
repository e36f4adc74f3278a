import { createCallerFactory } from '../../src/trpc/init';
import { portalRouter } from '../../src/trpc/portal/router';

export const portalCaller = createCallerFactory(portalRouter);
