// The usage error every guidekit command throws is the shared CLI kit's (one style, exit 2).
export { UsageError } from '@guidekit/cli-kit';
