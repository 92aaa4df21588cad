// Suites that do not exercise the malware scan start the gateway without one (MALWARE_SCAN=off,
// as in development); the scan's own suite (src/uploads/malware-scan.spec.ts) starts a clamd and
// turns it on. The gateway itself refuses to boot with neither a scanner nor an explicit off.
if (!process.env.MALWARE_SCAN && !process.env.CLAMD_SOCKET && !process.env.CLAMD_HOST) process.env.MALWARE_SCAN = 'off';
