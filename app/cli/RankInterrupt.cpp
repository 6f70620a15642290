#include "RankInterrupt.h"

#include "CliSupport.h"
#include "distributed/Communicator.h"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace cmtl {

namespace {

// How long a rank other than 0 leaves rank 0 to end the job after an interrupt outside the steps:
// longer than mpirun takes to end the ranks after passing an interrupt on (measured: about 1 s).
constexpr unsigned kGraceSeconds = 5;

int g_rank = 0, g_ranks = 1;
std::atomic<bool> g_writing{false};
std::atomic<bool> g_stopping{false};
char g_message[160];
std::size_t g_messageLength = 0;

void say()
{
    std::size_t written = 0;
    while (written < g_messageLength) {
        const ssize_t n = ::write(STDERR_FILENO, g_message + written, g_messageLength - written);
        if (n <= 0)
            break;
        written += static_cast<std::size_t>(n);
    }
}

// Outside the steps: rank 0 says it and ends; the others give rank 0 the grace period.
void stopOutsideSteps()
{
    if (g_writing.load())
        return; // writeWithInterruptsHeld acts once the files are written
    if (g_rank != 0) {
        ::alarm(kGraceSeconds);
        return;
    }
    if (g_stopping.exchange(true))
        return;
    say();
    ::_exit(130);
}

extern "C" void onRankInterrupt(int)
{
    g_interrupt.cancel();
    std::atomic_thread_fence(std::memory_order_seq_cst); // see ~StepsDecideCancellation
    if (!stepsDecideCancellation())
        stopOutsideSteps();
}

// A rank other than 0 whose job still runs after the grace period.
extern "C" void onGraceOver(int)
{
    if (stepsDecideCancellation() || g_writing.load() || g_stopping.exchange(true))
        return; // the steps stop every rank together
    say();
    ::_exit(130);
}

} // namespace

void takeInterruptsAcrossRanks(int rank, int ranks)
{
    g_rank = rank;
    g_ranks = ranks;
    const int length =
        rank == 0 ? std::snprintf(g_message, sizeof g_message,
                                  "creditmtl-cli: interrupted (rank 0 of %d); no model written\n", ranks)
                  : std::snprintf(g_message, sizeof g_message,
                                  "creditmtl-cli: interrupted (rank %d of %d; the job still ran %u s later); no "
                                  "model written\n",
                                  rank, ranks, kGraceSeconds);
    g_messageLength = length > 0 ? std::min(static_cast<std::size_t>(length), sizeof g_message - 1) : 0;
    setStopOutsideSteps(stopOutsideSteps);
    std::signal(SIGALRM, onGraceOver);
    std::signal(SIGINT, onRankInterrupt);
    std::signal(SIGTERM, onRankInterrupt);
}

int writeWithInterruptsHeld(const std::function<int()> &write, const std::string &model)
{
    struct Held {
        Held() { g_writing.store(true); }
        ~Held() { g_writing.store(false); }
    };
    int status = 0;
    {
        const Held held;
        status = write();
    }
    if (status != 0 || !g_interrupt.isCancelled())
        return status;
    std::cerr << "creditmtl-cli: interrupted (rank 0 of " << g_ranks
              << ") while the model was written; it was written to " << model << std::endl;
    return 130;
}

} // namespace cmtl
