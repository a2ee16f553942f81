// A deliberately buggy program: proves that the sanitizer build really stops on findings (S1).
#include <climits>
#include <cstring>
#include <vector>

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "asan") == 0) {
        std::vector<int> v(4);
        int* p = v.data();
        volatile int i = 4;
        return p[i];  // heap-buffer-overflow
    }
    if (argc > 1 && std::strcmp(argv[1], "ubsan") == 0) {
        volatile int x = INT_MAX;
        return x + argc;  // signed overflow
    }
    return 0;
}
