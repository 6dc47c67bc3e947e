// File-system failures in plain words (issue 15): a user sees "a folder named report.pdf is in the way", never
// "EISDIR: illegal operation on a directory, rename '.report.pdf.ce92….tmp'".

/** What went wrong with `path`, in words, without the error code or any temp name. */
export function fsReason(e: unknown, path?: string): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const name = path === undefined ? 'it' : path.split(/[\\/]/).pop() ?? path;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return `a folder named ${name} is in the way`;
    case 'ENOTEMPTY':
    case 'EEXIST':
      return `something named ${name} is already there`;
    case 'ENOSPC':
      return 'disk full';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'ELOOP':
      return 'the path goes round in a loop of symbolic links';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ENOENT':
      return 'a folder on the way does not exist';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'EBUSY':
      return 'the file is in use';
    case 'EIO':
      return 'the disk reported an input/output error';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
