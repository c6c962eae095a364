/** The part of web-ext's Node API the build tests use (the package ships no types). */
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(
        options: { sourceDir: string; output: 'json' | 'text'; boring?: boolean },
        extra: { shouldExitProgram: boolean },
      ): Promise<unknown>;
    };
  };
  export default webExt;
}
