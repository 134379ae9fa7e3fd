export { contractProblems } from './contract-problems.js';
export { defineTestGrader } from './define-test-grader.js';
export { type GraderCases, GraderTester, type InvalidCase, type ValidCase } from './grader-tester.js';
