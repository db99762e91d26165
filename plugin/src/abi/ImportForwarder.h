// ImportForwarder: the core::ImportEmitter a job type's importJobs() streams jobs through. It serialises
// emits from several threads, stops forwarding once the host says "no more", and is closed when the
// callback returns — an emitter a job type kept and called later reaches no sink (it just returns false).
#pragma once

#include <memory>
#include <mutex>

#include "core/JobType.h"
#include "polysync/jobtype_v1.h"

namespace aifoundry::abi {

class ImportForwarder {
 public:
  explicit ImportForwarder(const psj_import_sink* sink);
  ~ImportForwarder() { close(); }
  ImportForwarder(const ImportForwarder&) = delete;
  ImportForwarder& operator=(const ImportForwarder&) = delete;

  // The emitter to pass to importJobs(). Copies of it stay safe to call after close().
  core::ImportEmitter emitter() const;
  void close() noexcept;

 private:
  struct Gate {
    std::mutex mutex;
    const psj_import_sink* sink;
    bool open = true;
  };
  std::shared_ptr<Gate> gate_;
};

}  // namespace aifoundry::abi
