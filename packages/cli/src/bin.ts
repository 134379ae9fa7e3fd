#!/usr/bin/env node
import { applyStreamingV8Flags } from '@judgekit/core';

// before anything else is loaded: V8 settings for streaming a corpus (see core's STREAMING_V8_FLAGS)
applyStreamingV8Flags();
const { main } = await import('./main.js');
const { exitQuietlyWhenReaderCloses } = await import('./output/closed-pipe.js');

exitQuietlyWhenReaderCloses(process.stdout);
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
