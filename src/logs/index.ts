// The log readers of issue 13: one reader per mail-server log format in an
// ordered registry (registry.ts), a chunked line splitter, a parser per stream,
// and the step from a record to the pipeline's Candidate.
export { createLogReaders, LOG_FORMATS } from './registry';
export { LogParser, readLogText, detectLogFormat, type LogOutcome } from './parser';
export { LineSplitter, splitLogLines } from './split-lines';
export { logRecordToCandidate, diagnoseLogRecord, type LogCandidate, type LogFields } from './to-candidate';
export type { LogAction, LogLine, LogReadOptions, LogReader, LogRecord } from './types';
export { LogStream } from './stream';
export { FinalStates, type FinalState, type FinalStateCounts } from './final-states';
