/**
 * The login page: a form with a password field, and no account menu (an expired or
 * absent session brings any webmail request here, by redirect or in the response).
 */

export function findLoginForm(doc: Document): HTMLFormElement | null {
  return (doc.querySelector('input[type=password]')?.closest('form') as HTMLFormElement | null) ?? null;
}

/** The login address typed into a login form (the text or e-mail field before the password). */
export function loginFieldValue(form: HTMLFormElement): string {
  const field = form.querySelector<HTMLInputElement>('input[type=email], input[type=text], input:not([type])');
  return field?.value.trim() ?? '';
}
