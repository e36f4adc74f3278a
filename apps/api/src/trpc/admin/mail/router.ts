import { router } from '../../init';
import { listFailedMail } from './list-failed-mail';
import { retryMail } from './retry-mail';

/** 送信できなかったメール: what the queues gave up on, and a retry (issue 6 item 8). */
export const mailRouter = router({ failed: listFailedMail, retry: retryMail });
