import { requestOtpMeta, ZRequestOtpInput, ZRequestOtpOutput } from '@cartly/contracts/passwordless';
import { storefrontProcedure } from '../trpc.js';
import { requestOtp as sendCode } from './otp.js';

export const requestOtp = storefrontProcedure
  .meta(requestOtpMeta)
  .input(ZRequestOtpInput)
  .output(ZRequestOtpOutput)
  .mutation(({ ctx, input }) => sendCode(ctx, input));
