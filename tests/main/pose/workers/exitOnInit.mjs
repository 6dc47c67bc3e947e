// Stand-in pose worker for tests: exits (as on an out-of-memory kill) without a word.
process.exit(3);
