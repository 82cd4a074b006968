# bash completion for libtrace(1) and libtrace-report(1)

_libtrace_syscalls()
{
	# the report knows every name; a class or a regex is typed by hand
	compgen -W "$(libtrace-report --syscall-names 2>/dev/null) %file %network %process %signal %memory %desc %ipc %creds %clock %stat %lstat %fstat %pure all none" -- "$1"
}

_libtrace()
{
	local cur prev
	_init_completion 2>/dev/null || { cur=${COMP_WORDS[COMP_CWORD]}; prev=${COMP_WORDS[COMP_CWORD-1]}; }
	# after the command name: complete the command's own arguments
	local i
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--) _command_offset $((i + 1)) 2>/dev/null; return ;;
		-o|-e|-s|-p|-P|-E|-X|-S|-I|-a|--tef|--perfetto|--top|--hist|--since|--until|--keep|--backend) ((i++)) ;;
		start|stop) [ $i -eq 1 ] && { COMPREPLY=($(compgen -W "$(pgrep -u "$USER" 2>/dev/null)" -- "$cur")); return; } ;;
		-*) ;;
		*) _command_offset $i 2>/dev/null; return ;;
		esac
	done
	case $prev in
	-o|--output|--tef|--perfetto|--keep|-P|--trace-path) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	-p|--attach) COMPREPLY=($(compgen -W "$(pgrep -u "$USER" 2>/dev/null)" -- "$cur")); return ;;
	-X|--const-print-style) COMPREPLY=($(compgen -W "raw abbrev verbose" -- "$cur")); return ;;
	--backend) COMPREPLY=($(compgen -W "auto native strace" -- "$cur")); return ;;
	-e)
		case $cur in
		trace=*) COMPREPLY=($(compgen -P trace= -W "$(_libtrace_syscalls "${cur#trace=}")")) ;;
		status=*) COMPREPLY=($(compgen -P status= -W "successful failed unfinished unavailable detached all none" -- "${cur#status=}")) ;;
		*) COMPREPLY=($(compgen -W "trace= status= signal= read= write= inject= fault= abbrev=none raw=all decode-fds=path quiet=" -- "$cur")) ;;
		esac
		compopt -o nospace 2>/dev/null
		return ;;
	--hist) COMPREPLY=($(_libtrace_syscalls "$cur")); return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "-c -C -f -ff -o -A -e -s -t -tt -ttt -r -T -n -v -x -xx -X -y -q -qq -z -Z -P -E -p -w -h -V
			--relative-timestamps --syscall-number --successful-only --failed-only --trace-path=
			--summary-only --summary --follow-forks --output= --string-limit= --trace= --attach=
			--backend --start-off --keep --no-live --json --tef --perfetto --top --files
			--threads --hist --since --until --no-pid --help --version" -- "$cur"))
		return
	fi
	[ $COMP_CWORD -eq 1 ] && COMPREPLY=($(compgen -W "start stop" -- "$cur"))
	COMPREPLY+=($(compgen -c -- "$cur"))
}

_libtrace_report()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	case $prev in
	-o|--tef|--perfetto|-P|--cwd) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--hist) COMPREPLY=($(_libtrace_syscalls "$cur")); return ;;
	-X) COMPREPLY=($(compgen -W "raw abbrev verbose" -- "$cur")); return ;;
	-e) COMPREPLY=($(compgen -W "trace= status= signal= read= write=" -- "$cur")); return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "-c -o -e -z -Z -P -p -s -t -tt -ttt -r -T -n -f -x -xx -v -X -y --json --tef
			--perfetto --top --files --threads --hist --since --until --no-pid --follow
			--pid-prefix=bare --relative-timestamps --cwd --help --version" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}

complete -F _libtrace libtrace
complete -F _libtrace_report -o filenames libtrace-report
