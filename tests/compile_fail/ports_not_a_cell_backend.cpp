// A backend that can create cells but not tear them down is not a CellBackend.
// EXPECT: \[cell_backend\]
#include "cellos/ports.hpp"

struct create_only_backend {
    cellos::checked<cellos::cell_handle> create(const cellos::execution_cell_document&) { return cellos::cell_handle{}; }
};

template <cellos::CellBackend B>
cellos::checked<cellos::cell_handle> provision(B& backend, const cellos::execution_cell_document& doc) {
    return backend.create(doc);
}

#ifdef CELLOS_COMPILE_FAIL_CONTROL
auto run(cellos::memory_cell_backend& b, const cellos::execution_cell_document& d) { return provision(b, d); }  // ✅
#else
auto run(create_only_backend& b, const cellos::execution_cell_document& d) { return provision(b, d); }  // ❌ no destroy
#endif
