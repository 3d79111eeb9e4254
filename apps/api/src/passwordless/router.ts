import { router } from '../trpc.js';
import { requestOtp } from './request-otp.js';
import { verifyOtp } from './verify-otp.js';
import { requestMagicLink } from './request-magic-link.js';
import { verifyMagicLink } from './verify-magic-link.js';

export const passwordlessRouter = router({
  requestOtp,
  verifyOtp,
  requestMagicLink,
  verifyMagicLink,
});
