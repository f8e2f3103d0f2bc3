import type { ChildProcess } from 'node:child_process';
import type { ExpectedDiagnosis } from '../scenarios';

export interface LabContext {
  /** Where the server's Debian packages are unpacked (dpkg -x), one folder per package. */
  pkgRoot: (pkg: string) => string;
  /** The server's own state folder (config, queue, logs) in the lab's temp dir. */
  dir: string;
  /** Numeric ids of the lab's service accounts (added to the namespace's /etc/passwd only). */
  uid: (name: string) => number;
  gid: (name: string) => number;
}

export interface LabServer {
  id: string;
  /** Debian packages to fetch with apt-get download. */
  packages: string[];
  /** The Debian package whose version is recorded with each fixture. */
  versionPackage: string;
  ip: string;
  localDomain: string;
  /** The generated config files, path (relative to ctx.dir) → text. Pure: checked by a test before anything starts. */
  configFiles: (ctx: LabContext) => Record<string, string>;
  /** Creates folders and writes the configs. */
  prepare: (ctx: LabContext) => void;
  /** Starts the server in the foreground, its output to the file `logFd`; the lab stops it at the end. */
  start: (ctx: LabContext, logFd: number) => ChildProcess;
  /** Scenario id → the expectation this server differs in, or a string: why the scenario cannot be made here. */
  overrides?: Record<string, ExpectedDiagnosis[] | string>;
  /** Whether submissions should ask for DSN (the server advertises it). */
  dsn: boolean;
}
