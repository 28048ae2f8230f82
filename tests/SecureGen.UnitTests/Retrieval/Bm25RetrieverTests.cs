using SecureGen.Core.Retrieval;

namespace SecureGen.UnitTests.Retrieval;

public sealed class Bm25RetrieverTests
{
    [Fact]
    public void Scores_match_the_bm25_formula_worked_out_by_hand()
    {
        var corpus = new[] { new RetrievalDocument("d0", "apple banana"), new RetrievalDocument("d1", "apple apple cherry"), new RetrievalDocument("d2", "durian") };

        var ranked = new Bm25Retriever().Rank("apple cherry", corpus, 3);

        // idf(apple) = ln(1 + 1.5/2.5), idf(cherry) = ln(1 + 2.5/1.5); k1 = 1.2, b = 0.75, average length 2.
        Assert.Equal([1, 0, 2], ranked.Select(r => r.Index));
        Assert.Equal(1.380853, ranked[0].Similarity, 5);
        Assert.Equal(0.470004, ranked[1].Similarity, 5);
        Assert.Equal(0, ranked[2].Similarity);
    }

    [Fact]
    public void Identifier_parts_match_so_snake_case_code_is_found_by_its_words()
    {
        var corpus = new[]
        {
            new RetrievalDocument("sql", "def find_user(cursor, name):\n    cursor.execute('SELECT 1')"),
            new RetrievalDocument("html", "def render_comment(text):\n    return escape(text)"),
        };

        var ranked = new Bm25Retriever().Rank("Render a user comment as HTML", corpus, 1);

        Assert.Equal(1, Assert.Single(ranked).Index);
    }

    [Fact]
    public void Ties_keep_corpus_order_and_count_limits_the_answer()
    {
        var corpus = new[] { new RetrievalDocument("a", "x"), new RetrievalDocument("b", "y"), new RetrievalDocument("c", "z") };

        Assert.Equal([0, 1], new Bm25Retriever().Rank("nothing matches", corpus, 2).Select(r => r.Index));
    }
}
