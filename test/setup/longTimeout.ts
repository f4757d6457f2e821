// Integration tests start servers and run real n8n-core code on a shared 2-core machine: allow them time.
jest.setTimeout(60_000);
