export { lambdaContext } from '../../local/lambda-context.js';
