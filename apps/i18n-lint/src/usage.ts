// One usage error and one set of exit codes for both CLIs: the shared CLI kit's.
export { EXIT, UsageError } from '@guidekit/cli-kit';
