import { router } from '../../init';
import { cancelReissue } from './cancel-reissue';
import { getCertificate } from './get-certificate';
import { requestReissue } from './request-reissue';
import { verify } from './verify-certificate';

export const certificateRouter = router({ get: getCertificate, requestReissue, cancelReissue, verify });
