import { router } from '../trpc.js';
import { requestOtp } from './request-otp.js';
import { verifyOtp } from './verify-otp.js';
import { requestMagicLink } from './request-magic-link.js';
import { verifyMagicLink } from './verify-magic-link.js';
import { logout } from './logout.js';

export const passwordlessRouter = router({
  otp: router({ request: requestOtp, verify: verifyOtp }),
  magicLink: router({ request: requestMagicLink, verify: verifyMagicLink }),
  logout,
});
