// Refuses to start, with a message rather than "Illegal instruction", on a CPU that lacks the
// instruction set this build was compiled for (CREDITMTL_ISA; the default x86-64-v3 needs AVX2
// and FMA). The compiler's own macros say what the build may use; the check itself is compiled
// for the x86-64 baseline and runs before any other constructor of the program. It is an object
// library linked into each executable: in a static library nothing would reference it.
#include <unistd.h>

namespace {

#if defined(__x86_64__)
__attribute__((target("arch=x86-64"), constructor(101))) void refuseUnsupportedCpu()
{
    __builtin_cpu_init();
    // Each level implies the ones below it (x86-64-v4 > v3 > v2), so the highest one the build
    // uses is the one to check.
#if defined(__AVX512F__)
    const bool supported = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq");
#elif defined(__AVX2__)
    const bool supported =
        __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("bmi2");
#elif defined(__SSE4_2__)
    const bool supported = __builtin_cpu_supports("sse4.2") && __builtin_cpu_supports("popcnt");
#else
    const bool supported = true;
#endif
    if (supported)
        return;
    static const char message[] =
        "CreditMTL: this build was compiled for the " CREDITMTL_ISA " instruction set, which this CPU lacks.\n"
        "Build it for any x86-64 CPU with: cmake -DCREDITMTL_ISA=x86-64 ...\n";
    if (write(STDERR_FILENO, message, sizeof message - 1) < 0) {
        // Nothing else to tell the user with: exit all the same.
    }
    _exit(1);
}
#endif

} // namespace
