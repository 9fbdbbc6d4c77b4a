// Fails with a clear message when a variable a test pass needs is not set (nothing is skipped).
const missing = process.argv.slice(2).filter((name) => !process.env[name]);
if (missing.length > 0) {
  console.error(`${missing.join(' and ')} must be set: run eval "$(.ci/services.sh)" first (it installs and starts PostgreSQL and Redis on loopback).`);
  process.exit(1);
}
