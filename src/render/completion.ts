/** The shells `whybounce completion` writes a script for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** One command-line option, as the completion scripts need it. */
export interface OptionSpec {
  long: string;
  short?: string;
  description: string;
  /** Values the option takes, when it takes a value. */
  values?: readonly string[];
}

// Descriptions end up inside shell quotes: keep them to characters that need no escaping.
function plainText(text: string): string {
  return text.replace(/[^\w ,.;:()/<>|+-]/g, ' ').replace(/\s+/g, ' ').trim();
}

function bash(name: string, options: readonly OptionSpec[]): string {
  const words = options.flatMap((o) => (o.short === undefined ? [o.long] : [o.short, o.long]));
  const valueCases = options
    .filter((o) => o.values !== undefined)
    .map((o) => `    ${o.long}) COMPREPLY=($(compgen -W "${(o.values ?? []).join(' ')}" -- "$cur")); return ;;`)
    .join('\n');
  const fn = `_${name.replace(/\W/g, '_')}`;
  return `# bash completion for ${name}. Install: ${name} completion bash > ~/.local/share/bash-completion/completions/${name}
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  case "$prev" in
${valueCases}
    completion) COMPREPLY=($(compgen -W "${SHELLS.join(' ')}" -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "${words.join(' ')}" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
    [[ $COMP_CWORD -eq 1 ]] && COMPREPLY+=($(compgen -W "completion" -- "$cur"))
  fi
}
complete -o filenames -F ${fn} ${name}
`;
}

function zsh(name: string, options: readonly OptionSpec[]): string {
  const specs = options.map((o) => {
    const desc = plainText(o.description).replace(/[[\]]/g, '');
    const value = o.values === undefined ? '' : `:value:(${o.values.join(' ')})`;
    const flags = o.short === undefined ? o.long : `{${o.short},${o.long}}`;
    const prefix = o.short === undefined ? `'${flags}[${desc}]${value}'` : `${flags}'[${desc}]${value}'`;
    return `    ${prefix} \\`;
  });
  return `#compdef ${name}
# zsh completion for ${name}. Install: ${name} completion zsh > "\${fpath[1]}/_${name}"
_${name}() {
  if (( CURRENT == 3 )) && [[ \${words[2]} == completion ]]; then
    _values 'shell' ${SHELLS.join(' ')}
    return
  fi
  _arguments -s \\
${specs.join('\n')}
    '*:input:_files'
}
compdef _${name} ${name}
`;
}

function fish(name: string, options: readonly OptionSpec[]): string {
  const lines = options.map((o) => {
    const parts = [`complete -c ${name}`, `-l ${o.long.replace(/^--/, '')}`];
    if (o.short !== undefined) parts.push(`-s ${o.short.replace(/^-/, '')}`);
    if (o.values !== undefined) parts.push(`-x -a '${o.values.join(' ')}'`);
    parts.push(`-d '${plainText(o.description)}'`);
    return parts.join(' ');
  });
  return `# fish completion for ${name}. Install: ${name} completion fish > ~/.config/fish/completions/${name}.fish
${lines.join('\n')}
complete -c ${name} -n '__fish_use_subcommand' -a completion -d 'print a shell completion script'
complete -c ${name} -n '__fish_seen_subcommand_from completion' -x -a '${SHELLS.join(' ')}'
`;
}

/** The completion script for a shell, listing the given options. */
export function renderCompletion(shell: Shell, name: string, options: readonly OptionSpec[]): string {
  switch (shell) {
    case 'bash':
      return bash(name, options);
    case 'zsh':
      return zsh(name, options);
    case 'fish':
      return fish(name, options);
  }
}
