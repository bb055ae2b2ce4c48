/**
 * `npm start`: the local stack. Until its parts land (DynamoDB Local, local SES and SQS, the API on
 * 127.0.0.1:3000, the SMTP intake on 127.0.0.1:2525), it says plainly what works today and exits
 * non-zero, so that no one mistakes it for a running backend.
 */
const message = `Request Desk — local stack

Not available yet: the HTTP API (127.0.0.1:3000), SMTP intake (127.0.0.1:2525), local SES (127.0.0.1:8005)
and DynamoDB Local (127.0.0.1:8000) are not built yet; see README.md, "Status".

What works today:
  npx desk due-date --received 2026-11-20T10:00:00+06:00 --explain
  npm test
`;
process.stderr.write(message);
process.exit(1);
