# bash completion for nexor, the command-line client of nexor-glib
# (installed as bash-completion's completions/nexor; docs/cli.md)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The candidates come from `nexor __complete WORD…` (the words after "nexor"
# up to the one being completed): commands, subcommands, options, --fields
# names and the lead and tag ids used lately. A first line ":files" asks for
# file names, ":nospace" for no space after the candidate.

_nexor()
{
    local cur=${COMP_WORDS[COMP_CWORD]}
    local nexor=${COMP_WORDS[0]}
    local -a lines

    # A word with a "~" or a variable in it is not run as a command.
    case $nexor in
        */*) [[ -x $nexor ]] || nexor=nexor ;;
        *) nexor=nexor ;;
    esac

    mapfile -t lines < <("$nexor" __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
    COMPREPLY=()
    case ${lines[0]-} in
        :files)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return 0
            ;;
        :nospace)
            compopt -o nospace 2>/dev/null
            lines=("${lines[@]:1}")
            ;;
    esac
    COMPREPLY=("${lines[@]}")
    return 0
}

complete -F _nexor nexor
