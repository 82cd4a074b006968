// A cgo Go program (issue 8: under the native backend such programs died with "non-Go code
// disabled sigaltstack" or "unexpected fault address"): goroutines on several threads doing
// file and pipe I/O, C code making syscalls and calling back into Go, a signal the program
// handles, a child process, and a nil-pointer fault Go recovers from (its own SIGSEGV).
package main

/*
#include <stdint.h>
#include <unistd.h>
#include <sys/syscall.h>
extern void goCallback(int);
static long c_work(int n) {
	long s = 0;
	for (int i = 0; i < n; i++) {
		s += syscall(SYS_getpid) > 0;
		goCallback(i);
	}
	return s;
}
*/
import "C"

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"sort"
	"sync"
	"syscall"
)

var mu sync.Mutex
var calls int

//export goCallback
func goCallback(i C.int) {
	mu.Lock()
	calls++
	mu.Unlock()
}

func nilFault() (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = "recovered"
		}
	}()
	var p *int
	return fmt.Sprint(*p)
}

func main() {
	var wg sync.WaitGroup
	results := make([]string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			f, err := os.CreateTemp("", "ltgo")
			if err != nil {
				results[g] = "err " + err.Error()
				return
			}
			defer os.Remove(f.Name())
			for i := 0; i < 50; i++ {
				fmt.Fprintf(f, "line %d %d\n", g, i)
			}
			f.Close()
			b, _ := os.ReadFile(f.Name())
			n := int(C.c_work(20))
			results[g] = fmt.Sprintf("g%d bytes=%d c=%d", g, len(b), n)
		}(g)
	}
	wg.Wait()
	sort.Strings(results)
	for _, r := range results {
		fmt.Println(r)
	}
	fmt.Println("callbacks", calls)

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGUSR1)
	syscall.Kill(os.Getpid(), syscall.SIGUSR1)
	fmt.Println("signal", <-sigs)

	out, err := exec.Command("/bin/echo", "child").Output()
	fmt.Printf("exec %q %v\n", out, err)
	fmt.Println("fault", nilFault())
}
