import { verifyOtpMeta, ZVerifyOtpInput, ZVerifyOtpOutput } from '@cartly/contracts/passwordless';
import { storefrontProcedure } from '../trpc.js';
import { verifyOtp as checkCode } from './otp.js';

export const verifyOtp = storefrontProcedure
  .meta(verifyOtpMeta)
  .input(ZVerifyOtpInput)
  .output(ZVerifyOtpOutput)
  .mutation(({ ctx, input }) => checkCode(ctx, input));
