import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeField } from './errors';
import { ApiError, fieldErrors } from './problem';

/** Submission state for an antd form whose action may fail with a problem+json error. */
export interface Submit<V> {
  submit: (values: V) => Promise<void>;
  submitting: boolean;
  /** The last failure that is not attributable to a single field (shown above the form). */
  error: unknown;
  clearError: () => void;
}

/**
 * Wraps a form action: field errors (`body.email`) land on the matching form items, anything else in `error`.
 * A problem that only carries field errors does not also raise a banner.
 */
export function useSubmit<V, R>(
  form: FormInstance<V> | null,
  action: (values: V) => Promise<R>,
  onDone: (result: R, values: V) => void,
): Submit<V> {
  const { t } = useTranslation();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = useCallback(
    async (values: V) => {
      setSubmitting(true);
      setError(null);
      try {
        const result = await action(values);
        onDone(result, values);
      } catch (err) {
        const fields = err instanceof ApiError && form ? fieldErrors(err.problem, describeField(t)) : [];
        const known = new Set((form?.getFieldsError() ?? []).map((f) => String(f.name[0])));
        const onForm = fields.filter((f) => known.has(String(f.name[0])));
        if (onForm.length) form?.setFields(onForm as Parameters<FormInstance<V>['setFields']>[0]);
        if (onForm.length !== fields.length || fields.length === 0) setError(err);
      } finally {
        setSubmitting(false);
      }
    },
    [action, onDone, form, t],
  );

  const clearError = useCallback(() => setError(null), []);
  return { submit, submitting, error, clearError };
}
