// Stand-in for the code under test: RuleTester lints its own text under this name.
