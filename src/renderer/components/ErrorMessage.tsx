// Any error the user should read: the API's {code, message}. The code is kept for support and the tests (data-code,
// and the tooltip) but not printed: "(TRUNCATED)" in capitals reads as a crash, not as advice (issue 13). A
// folder path that slipped into a message is cut to the file's own name: the app's data folder is nobody's concern.
import type { ErrorInfo } from '../../shared/contract';

export function toErrorInfo(err: unknown): ErrorInfo {
  if (typeof err === 'object' && err !== null && typeof (err as ErrorInfo).message === 'string') {
    const code = typeof (err as ErrorInfo).code === 'string' ? (err as ErrorInfo).code : 'INTERNAL';
    return { code, message: (err as ErrorInfo).message };
  }
  return { code: 'INTERNAL', message: String(err) };
}

/** Absolute POSIX or Windows paths (two or more folders deep) reduced to their last part. */
export function withoutFolders(message: string): string {
  return message.replace(/(?:[A-Za-z]:\\|\/)(?:[^\s'"“”:\\/]+[\\/])+([^\s'"“”:\\/]*)/g, (_m, last: string) => last || 'the file');
}

export function ErrorMessage({ error, onDismiss }: { error: ErrorInfo; onDismiss?: () => void }) {
  return (
    <div className="error-message" role="alert" data-testid="error-message" data-code={error.code} title={`Error code: ${error.code}`}>
      {withoutFolders(error.message)}
      {onDismiss && <> <button type="button" className="link" onClick={onDismiss}>Dismiss</button></>}
    </div>
  );
}
