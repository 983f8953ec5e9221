/** Only a path of this shop: never another origin (an open redirect), never the auth pages. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  if (/^\/(sign-in|sign-up|confirm|auth\/)/.test(value)) return '/';
  return value;
}
