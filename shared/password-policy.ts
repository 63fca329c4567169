/**
 * The user pool's password policy: the CDK identity construct and the local pool are
 * built from it, and the accept route checks a chosen password against it before any
 * account is touched, so a weak password is a 400 that says what the policy wants.
 */
export const PASSWORD_POLICY = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

/** The symbols Cognito counts as special characters (the hosted pages check them as the person types). */
export const PASSWORD_SYMBOL = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/;

/** What a password lacks under the policy, in words; empty when it passes. */
export function passwordShortfalls(password: string): string[] {
  const missing: string[] = [];
  if (password.length < PASSWORD_POLICY.minLength) missing.push(`at least ${PASSWORD_POLICY.minLength} characters`);
  if (PASSWORD_POLICY.requireLowercase && !/[a-z]/.test(password)) missing.push('a lower-case letter');
  if (PASSWORD_POLICY.requireUppercase && !/[A-Z]/.test(password)) missing.push('an upper-case letter');
  if (PASSWORD_POLICY.requireDigits && !/[0-9]/.test(password)) missing.push('a digit');
  if (PASSWORD_POLICY.requireSymbols && !PASSWORD_SYMBOL.test(password)) missing.push('a symbol such as ! or #');
  return missing;
}
