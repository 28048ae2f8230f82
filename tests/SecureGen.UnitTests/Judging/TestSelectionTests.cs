using SecureGen.Core.Benchmarks.Judging;

namespace SecureGen.UnitTests.Judging;

public sealed class TestSelectionTests
{
    [Fact]
    public void A_unittest_module_command_selects_only_that_modules_tests()
    {
        var functional = UnittestSelector.From(["python3", "-m", "unittest", "-q", "test_functional"]);

        Assert.True(functional("test_functional.py::FindUserFunctional::test_finds_existing_user"));
        Assert.False(functional("test_security.py::FindUserSecurity::test_quote_injection"));
    }

    [Fact]
    public void A_unittest_k_pattern_selects_by_substring_of_the_dotted_name()
    {
        var security = UnittestSelector.From(["python3", "-m", "unittest", "-q", "-k", "test_vulnerability", "test_A_cwe502_0"]);

        Assert.True(security("test_A_cwe502_0.py::TestCase::test_vulnerability"));
        Assert.False(security("test_A_cwe502_0.py::TestCase::test_correctness"));
        Assert.False(security("test_other.py::TestCase::test_vulnerability"));
    }

    [Fact]
    public void The_pytest_marker_is_pytests_own_m_option_not_pythons()
    {
        Assert.Equal("security", SandboxTestJudge.MarkerOf(["python3", "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "security", "t.py"]));
        Assert.Null(SandboxTestJudge.MarkerOf(["python3", "-m", "pytest", "-q", "t.py"]));
    }
}
