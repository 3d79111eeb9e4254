import { requestOtpMeta, ZRequestOtpInput, ZRequestOtpOutput } from '@cartly/contracts/passwordless';
import { procedure } from '../trpc.js';
import { loginContext } from './request-context.js';
import { requestOtp as sendCode } from './otp.js';

export const requestOtp = procedure(requestOtpMeta)
  .input(ZRequestOtpInput)
  .output(ZRequestOtpOutput)
  .mutation(({ ctx, input }) => sendCode(loginContext(ctx), input));
