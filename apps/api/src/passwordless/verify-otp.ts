import { verifyOtpMeta, ZVerifyOtpInput, ZVerifyOtpOutput } from '@cartly/contracts/passwordless';
import { procedure } from '../trpc.js';
import { loginContext } from './request-context.js';
import { verifyOtp as checkCode } from './otp.js';

export const verifyOtp = procedure(verifyOtpMeta)
  .input(ZVerifyOtpInput)
  .output(ZVerifyOtpOutput)
  .mutation(({ ctx, input }) => checkCode(loginContext(ctx), input));
