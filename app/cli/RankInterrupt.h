#pragma once

#include <functional>
#include <string>

namespace cmtl {

// Interrupts of a data-parallel run (creditmtl-cli train under mpirun with several ranks).
//
// Ctrl-C reaches mpirun, which passes it on to every rank as SIGTERM (about 1 s later, SIGKILL a
// few seconds after that). The ranks take SIGINT and SIGTERM alike: the handler sets g_interrupt,
// and then
// - during the trainer's steps (stepsDecideCancellation, Communicator.h) does nothing more: the
//   ranks' tokens go into each step's sum, all ranks throw Cancelled after the same step and rank
//   0 says "interrupted (rank 0 of N); no model written" (commandTrain);
// - anywhere else (reading the data, fitting the preprocessing, evaluating: no step comes that all
//   ranks share, and a rank waiting in a collective call would never look at its token), rank 0
//   writes that line itself and ends its process at once with status 130, from the handler
//   (write and _exit, async-signal-safe); mpirun, which ends the job anyway, ends the others. No
//   file is open for writing then: rank 0 writes the model only within writeWithInterruptsHeld.
//   A rank other than 0 says nothing (rank 0, interrupted at the same moment, speaks for the job)
//   unless the job is still running 5 s later (its interrupt was its own, or rank 0 was held in a
//   collective call): it then says "interrupted (rank R of N; ...)" and ends with status 130,
//   which ends the job.
// Installs the handlers; the messages are made here, as a handler may not allocate.
void takeInterruptsAcrossRanks(int rank, int ranks);

// Rank 0's writing of the model and its files: an interrupt meanwhile waits until `write` returns
// (no file is left half written); it then ends the run with status 130, saying that the model was
// written to `model` all the same.
int writeWithInterruptsHeld(const std::function<int()> &write, const std::string &model);

} // namespace cmtl
