#!/usr/bin/env node
import { main } from './main.js';
import { exitQuietlyWhenReaderCloses } from './output/closed-pipe.js';

exitQuietlyWhenReaderCloses(process.stdout);
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
